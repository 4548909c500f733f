package org.ichnet.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small RFC 4180 CSV file: optional UTF-8 byte order mark, CRLF or LF, quoted fields (with {@code ""}
 * escapes, commas and line breaks inside), last line with or without a newline. Columns are found by
 * header name, ignoring case and surrounding spaces.
 */
public record CsvTable(Path file, List<String> header, List<Row> rows) {

    /** One record; {@code line} is the 1-based line of the file where it starts. */
    public record Row(int line, List<String> values) {
    }

    public static CsvTable read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DataException(file, "cannot read CSV file (" + e.getMessage() + ")", e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Row> records = parse(file, text);
        if (records.isEmpty()) {
            throw new DataException(file, "empty CSV file (no header)");
        }
        List<String> header = records.get(0).values().stream().map(String::trim).toList();
        return new CsvTable(file, header, List.copyOf(records.subList(1, records.size())));
    }

    /** Index of each named column, in the order given; a missing one is a {@link DataException} listing all missing. */
    public int[] columns(String... names) {
        int[] indices = new int[names.length];
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            indices[i] = column(names[i]);
            if (indices[i] < 0) missing.add(names[i]);
        }
        if (!missing.isEmpty()) {
            throw new DataException(file, "missing column(s) " + String.join(", ", missing)
                    + " (header: " + String.join(",", header) + ")");
        }
        return indices;
    }

    /** Index of a column or -1. */
    public int column(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).toLowerCase(Locale.ROOT).equals(wanted)) return i;
        }
        return -1;
    }

    /** The value of a column in a row; a short row is an error naming the line. */
    public String value(Row row, int column) {
        if (column >= row.values().size()) {
            throw new DataException(file, "line " + row.line() + ": expected " + header.size()
                    + " fields, found " + row.values().size());
        }
        return row.values().get(column).trim();
    }

    public int intValue(Row row, int column) {
        String v = value(row, column);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new DataException(file, "line " + row.line() + ": column " + header.get(column)
                    + ": expected an integer, got '" + v + "'");
        }
    }

    private static List<Row> parse(Path file, String text) {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean recordHasContent = false;
        int line = 1;
        int recordLine = 1;
        int quoteLine = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') line++;
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                quoteLine = line;
                recordHasContent = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                recordHasContent = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                if (recordHasContent || field.length() > 0) {
                    fields.add(field.toString());
                    rows.add(new Row(recordLine, List.copyOf(fields)));
                }
                fields.clear();
                field.setLength(0);
                recordHasContent = false;
                line++;
                recordLine = line;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new DataException(file, "line " + quoteLine + ": quoted field is never closed");
        }
        if (recordHasContent || field.length() > 0) {
            fields.add(field.toString());
            rows.add(new Row(recordLine, List.copyOf(fields)));
        }
        return rows;
    }

    @Override
    public String toString() {
        return file + " (" + rows.size() + " rows)";
    }
}
