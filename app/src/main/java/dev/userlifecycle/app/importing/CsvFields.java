package dev.userlifecycle.app.importing;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a CSV line (RFC 4180 within one line): fields separated by commas, a field in double quotes may hold commas,
 * and {@code ""} inside it stands for one quote. Unquoted fields are trimmed.
 */
final class CsvFields {

    private CsvFields() {
    }

    static List<String> split(String line) throws RejectedLine {
        List<String> fields = new ArrayList<>(5);
        int at = 0;
        while (true) {
            int start = at;
            while (start < line.length() && line.charAt(start) == ' ') {
                start++;
            }
            if (start < line.length() && line.charAt(start) == '"') {
                at = quoted(line, start + 1, fields);
            } else {
                int comma = line.indexOf(',', start);
                int end = comma < 0 ? line.length() : comma;
                fields.add(line.substring(start, end).trim());
                at = end;
            }
            if (at >= line.length()) {
                return fields;
            }
            at++; // past the comma
        }
    }

    /** Reads a quoted field from just after its opening quote; answers the index of the comma or end after it. */
    private static int quoted(String line, int from, List<String> fields) throws RejectedLine {
        StringBuilder field = new StringBuilder();
        int at = from;
        while (true) {
            int quote = line.indexOf('"', at);
            if (quote < 0) {
                throw new RejectedLine("unterminated quoted field (a field cannot span lines)");
            }
            field.append(line, at, quote);
            if (quote + 1 < line.length() && line.charAt(quote + 1) == '"') {
                field.append('"');
                at = quote + 2;
                continue;
            }
            int after = quote + 1;
            while (after < line.length() && line.charAt(after) == ' ') {
                after++;
            }
            if (after < line.length() && line.charAt(after) != ',') {
                throw new RejectedLine("unexpected text after the closing quote of field " + (fields.size() + 1));
            }
            fields.add(field.toString());
            return after;
        }
    }
}
