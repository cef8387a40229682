package org.opencentral.store.telemetry;

import java.util.ArrayList;
import java.util.List;
import org.opencentral.core.telemetry.Source;

/**
 * Chooses what an aggregate over {@code [from, to)} in buckets of {@code widthUs} reads: the
 * coarsest rollup whose granularity divides the width (allowed by the {@link Source}) for the
 * aligned middle of the range, and finer data for the unaligned edges. Every bucket of every
 * segment falls inside one result bucket, so merging the segments gives exactly the raw answer.
 */
final class QueryPlanner {
    /** A part of the range read from one table. */
    record Segment(Table table, long fromUs, long toUs) {
    }

    private QueryPlanner() {
    }

    static List<Segment> plan(long fromUs, long toUs, long widthUs, Source source) {
        Table top = switch (source) {
            case RAW -> Table.RAW;
            case MINUTE -> widthUs % Micros.MINUTE == 0 ? Table.MINUTE : Table.RAW;
            case HOUR, AUTO -> widthUs % Micros.HOUR == 0 ? Table.HOUR
                    : widthUs % Micros.MINUTE == 0 ? Table.MINUTE : Table.RAW;
        };
        List<Segment> segments = new ArrayList<>();
        split(fromUs, toUs, top, segments);
        return segments;
    }

    private static void split(long from, long to, Table table, List<Segment> into) {
        if (from >= to) {
            return;
        }
        if (table == Table.RAW) {
            into.add(new Segment(table, from, to));
            return;
        }
        Table finer = table.finer().orElseThrow();
        long alignedFrom = Micros.ceil(from, table.granularityUs);
        long alignedTo = Micros.floor(to, table.granularityUs);
        if (alignedFrom >= alignedTo) {
            split(from, to, finer, into);
            return;
        }
        split(from, alignedFrom, finer, into);
        into.add(new Segment(table, alignedFrom, alignedTo));
        split(alignedTo, to, finer, into);
    }
}
