import type { PluginContext } from '@city/plugin-sdk/server';

/** Addresses printed in notices and on paper, all on the portal (its public plugin pages pass files through). */
export const links = {
  meeting: (ctx: PluginContext<unknown>, meetingId: string) =>
    `${ctx.publicUrl}/n/${ctx.tenant.slug}/p/voting/meetings/${meetingId}`,
  verify: (ctx: PluginContext<unknown>) => `${ctx.publicUrl}/p/${ctx.tenant.slug}/apps/voting/verify`,
  resultPdf: (ctx: PluginContext<unknown>, meetingId: string) =>
    `${ctx.publicUrl}/p/${ctx.tenant.slug}/apps/voting/files/meetings/${meetingId}/result.pdf`,
};
