// Plugins depend only on the SDK and contracts; the vote arithmetic is a core governance primitive, so it is passed through here.
export * from '@city/core/voting';
