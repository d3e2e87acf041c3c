/**
 * The background service worker: the only owner of the database. Nothing
 * happens at import time; main() opens the database and starts the service
 * (bundled dataset install, message handling) - see ./service.ts.
 */
import { defineBackground } from 'wxt/utils/define-background';
import { bundledDataset } from '../../data/index';
import { openDatabase } from '../../db/database';
import { startContextMenu } from './contextMenu';
import { startBackground } from './service';

export default defineBackground({
  type: 'module',
  main() {
    startBackground(openDatabase(), bundledDataset);
    startContextMenu();
  },
});
