/**
 * The background service worker: the only owner of the database. Nothing
 * happens at import time; main() opens the database and starts the service
 * (bundled dataset install, message handling) - see ./service.ts - and the
 * reading of pages for the content script (./pageReading.ts).
 */
import { defineBackground } from 'wxt/utils/define-background';
import { bundledDataset } from '../../data/index';
import { openDatabase } from '../../db/database';
import { startContextMenu } from './contextMenu';
import { startCommands } from './commands';
import { startBackground } from './service';
import { startPageReading } from './pageReading';
import { startSync } from './sync';

export default defineBackground({
  type: 'module',
  main() {
    const db = openDatabase();
    const service = startBackground(db, bundledDataset);
    startPageReading(service.handlers);
    startSync(
      db,
      bundledDataset,
      () => service.whenReady(),
      () => service.dataChanged(),
    );
    startCommands();
    startContextMenu();
  },
});
