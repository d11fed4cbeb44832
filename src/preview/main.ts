// Webview side of the brief preview (placeholder until the preview lands).
export {};
