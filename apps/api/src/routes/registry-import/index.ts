import { createRouter } from '../../lib/router.ts';
import * as apply from './registry-import.apply.ts';
import * as exportFile from './registry-import.export.ts';
import * as get from './registry-import.get.ts';
import * as list from './registry-import.list.ts';
import * as template from './registry-import.template.ts';
import * as upload from './registry-import.upload.ts';

export { IMPORT_MAX_BYTES } from './registry-import.upload.ts';

export const registryImportRoutes = createRouter()
  .openapi(template.route, template.handler)
  .openapi(upload.route, upload.handler)
  .openapi(list.route, list.handler)
  .openapi(get.route, get.handler)
  .openapi(apply.route, apply.handler)
  .openapi(exportFile.route, exportFile.handler);
