package org.opencentral.dtdl;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parsing speed over the fixtures (not a test; no JMH): each round parses every fixture file on its
 * own, resolving references from an in-memory copy of the fixtures folder (so disk I/O is not
 * measured), and counts the interfaces produced. Prints models per second after a warm-up.
 *
 * <p>Run from the dtdl module: {@code java -cp target/classes:target/test-classes:<jackson jars>
 * org.opencentral.dtdl.ParseSpeed [seconds]}.
 */
public final class ParseSpeed {

    private ParseSpeed() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        List<ModelDocument> docs = Fixtures.all().stream().map(Fixtures::document).toList();
        Map<String, String> byId = new HashMap<>();
        for (Path file : Fixtures.all()) {
            ModelDocument doc = Fixtures.document(file);
            DtdlParser.standalone().parse(doc).interfaces().forEach(i -> byId.put(i.id().value(), doc.json()));
        }
        DtdlParser parser = new DtdlParser(new MapModelSource(byId));
        run(parser, docs, seconds / 2);
        long[] result = run(parser, docs, seconds);
        double perSecond = result[0] / (result[1] / 1e9);
        System.out.printf("%d fixture files, %d models parsed in %.1f s: %.0f models/s (%.1f µs/model)%n",
                docs.size(), result[0], result[1] / 1e9, perSecond, 1e6 / perSecond);
    }

    /** Returns {models parsed, nanoseconds}. */
    private static long[] run(DtdlParser parser, List<ModelDocument> docs, double seconds) {
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        long models = 0;
        while (System.nanoTime() < deadline) {
            for (ModelDocument doc : docs) {
                models += parser.parse(doc).interfaces().size();
            }
        }
        return new long[] {models, System.nanoTime() - start};
    }
}
