package org.ariadne.server.ui;

import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

/**
 * A horizontal bar chart drawn as SVG on the server: no charting script, and it prints. Each bar knows its
 * length as a share of the longest.
 */
public record BarChart(List<Bar> bars, int height) {

    static final int ROW = 24;

    public record Bar(String label, long value, int percent, int y) {
    }

    static BarChart of(SequencedMap<String, Long> values) {
        long max = values.values().stream().mapToLong(Long::longValue).max().orElse(1);
        List<Bar> bars = new java.util.ArrayList<>();
        for (Map.Entry<String, Long> entry : values.entrySet()) {
            int percent = (int) Math.max(1, Math.round(100.0 * entry.getValue() / Math.max(1, max)));
            bars.add(new Bar(entry.getKey(), entry.getValue(), percent, bars.size() * ROW));
        }
        return new BarChart(List.copyOf(bars), Math.max(ROW, bars.size() * ROW));
    }

    public boolean empty() {
        return bars.isEmpty();
    }
}
