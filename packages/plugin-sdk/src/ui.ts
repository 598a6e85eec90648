/** The portal's shared components, for plugin pages: one visual language across the core and its plugins. */
export * from '@city/ui';
