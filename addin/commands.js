// The ribbon's function file: Office waits for onReady; the button itself only opens the task pane.
Office.onReady(() => {});
