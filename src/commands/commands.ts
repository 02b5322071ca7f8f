/**
 * The function file behind the ribbon's "Kiểm tra" button: one click checks the open workbook, writes
 * the result sheets and flags, and shows the `Kiểm tra` sheet, whose second line counts the errors and
 * warnings. It opens nothing.
 */
import { checkOpenWorkbook } from '../office/runCheck';

async function runCheck(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await checkOpenWorkbook({ showIssuesSheet: true });
  } catch (error) {
    console.error('XếpLoại: check failed', error);
  } finally {
    // Office keeps the button busy (and eventually reports the add-in as hung) until this is called.
    event.completed();
  }
}

Office.onReady(() => {
  // Nothing to set up; the call is what tells Office the function file has loaded.
});

if (Office.actions) {
  Office.actions.associate('runCheck', runCheck);
} else {
  // Hosts whose office.js predates Office.actions look the function up by name on the global object.
  (globalThis as unknown as Record<string, unknown>).runCheck = runCheck;
}
