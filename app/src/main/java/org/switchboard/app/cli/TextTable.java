package org.switchboard.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Aligned text columns for humans: two spaces between columns, the last column unpadded. */
final class TextTable {
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(String... headers) {
        this.headers = List.of(headers);
    }

    TextTable row(String... cells) {
        if (cells.length != headers.size()) throw new IllegalArgumentException("a row needs " + headers.size() + " cells");
        rows.add(List.of(cells));
        return this;
    }

    void print(PrintWriter out) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) widths[i] = headers.get(i).length();
        for (List<String> row : rows) {
            for (int i = 0; i < widths.length; i++) widths[i] = Math.max(widths[i], row.get(i).length());
        }
        line(out, headers, widths);
        for (List<String> row : rows) line(out, row, widths);
        out.flush();
    }

    private static void line(PrintWriter out, List<String> cells, int[] widths) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) text.append("  ");
            text.append(cells.get(i));
            if (i < cells.size() - 1) text.append(" ".repeat(widths[i] - cells.get(i).length()));
        }
        out.println(text.toString().stripTrailing());
    }
}
