/**
 * Addresses the plugin's pages need beyond src/pages.ts and the kit. Both belong there (see the plugin's README); they
 * wait here until the shared files take them.
 */

/** The plugin's id, for the one link the kit cannot build: from its public pages to its members' pages. */
export const PLUGIN_ID = 'voting';

/** A proxy's signed authorisation (tellers), a file of the members' API passed through like FILES. */
export const PROXY_DOCUMENT = '/meetings/[meetingId]/proxy-documents/[documentId]';
