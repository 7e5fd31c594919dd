package dev.userlifecycle.app.importing;

/**
 * The JSON body of {@code POST /api/v1/admin/imports} for a file already on the server: {@code path} relative to
 * {@code lifecycle.import.directory}; {@code format} (default: from the file name), {@code currency} (default
 * {@code USD}) and {@code fromStart} as for an upload.
 */
public record ServerFileImport(String path, String format, String currency, Boolean fromStart) {
}
