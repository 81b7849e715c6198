package org.tunnelcodec.testdata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Expected values that tshark decoded from a capture, read from the TSV files in
 * {@code /org/tunnelcodec/testdata/golden/}, one folder per protocol module ({@link #FOLDERS};
 * see the README there for the exact tshark commands). Each field may occur several times in
 * a frame (nested layers, outer first); {@link Row#values(String)} gives every occurrence.
 */
public final class TsharkGolden {
    /** Where the golden folders live on the class path. */
    public static final String ROOT = "/org/tunnelcodec/testdata/golden/";
    /** The folders under {@link #ROOT}, one per protocol module. */
    public static final List<String> FOLDERS = List.of("core", "gre", "stt", "mpls", "vxlan", "encap", "lisp");

    private final List<Row> rows;

    private TsharkGolden(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    /**
     * Loads the golden values of a capture from whichever folder holds them.
     *
     * @param capture the capture file's name, with or without its extension, and with the
     *                table's suffix if it has one, for example {@code "core-layers.pcap"} or
     *                {@code "zeek-erspan.gre"}
     * @return the table
     * @throws IllegalArgumentException if no folder, or more than one, holds such a table
     */
    public static TsharkGolden of(String capture) {
        String file = capture.replaceFirst("\\.(pcapng|pcap|cap)(\\.gz)?$", "") + ".tsv";
        List<String> found = FOLDERS.stream().map(folder -> ROOT + folder + "/" + file)
                .filter(path -> TsharkGolden.class.getResource(path) != null).toList();
        if (found.size() != 1) {
            throw new IllegalArgumentException("capture: " + capture + " (expected: " + file
                    + " in exactly one of the folders " + FOLDERS + " of " + ROOT + ", found " + found + ")");
        }
        try (InputStream in = TsharkGolden.class.getResourceAsStream(found.get(0))) {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String[] header = r.readLine().split("\t", -1);
            List<Row> rows = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] cells = line.split("\t", -1);
                Map<String, List<String>> m = new HashMap<>();
                for (int i = 0; i < header.length; i++) {
                    String cell = i < cells.length ? cells[i] : "";
                    m.put(header[i], cell.isEmpty() ? List.of() : List.of(cell.split(",", -1)));
                }
                rows.add(new Row(m));
            }
            return new TsharkGolden(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns every row, in frame order.
     *
     * @return every row, in frame order
     */
    public List<Row> rows() {
        return rows;
    }

    /**
     * Returns that frame's row.
     *
     * @param frameNumber the frame number, from 1
     * @return that frame's row
     */
    public Row frame(int frameNumber) {
        Row row = rows.get(frameNumber - 1);
        if (row.number("frame.number", 0) != frameNumber) {
            throw new IllegalStateException("golden rows out of order at frame " + frameNumber);
        }
        return row;
    }

    /** One frame's values. */
    public static final class Row {
        private final Map<String, List<String>> fields;

        Row(Map<String, List<String>> fields) {
            this.fields = fields;
        }

        /**
         * Returns every occurrence, outermost first; empty if none.
         *
         * @param field a tshark field name
         * @return every occurrence, outermost first; empty if none
         * @throws IllegalArgumentException if the table has no such column
         */
        public List<String> values(String field) {
            List<String> v = fields.get(field);
            if (v == null) {
                throw new IllegalArgumentException("field: " + field + " (not a column of this table)");
            }
            return v;
        }

        /**
         * One occurrence of a field.
         *
         * @param field a tshark field name
         * @param i     the occurrence, from 0 (outermost)
         * @return occurrence {@code i} of the field, or {@code null} if there are fewer
         */
        public String value(String field, int i) {
            List<String> v = values(field);
            return i < v.size() ? v.get(i) : null;
        }

        /**
         * One occurrence of a field, as a number.
         *
         * @param field a tshark field name
         * @param i     the occurrence, from 0 (outermost)
         * @return occurrence {@code i} as a number (decimal or 0x-hexadecimal), or -1 if absent
         */
        public long number(String field, int i) {
            String v = value(field, i);
            if (v == null) {
                return -1;
            }
            return v.startsWith("0x") ? Long.parseLong(v.substring(2), 16) : Long.parseLong(v);
        }
    }
}
