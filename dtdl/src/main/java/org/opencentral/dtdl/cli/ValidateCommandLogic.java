package org.opencentral.dtdl.cli;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opencentral.dtdl.DtdlError;
import org.opencentral.dtdl.DtdlValidator;
import org.opencentral.dtdl.FileResult;

/**
 * {@code dtdl validate [--repo DIR] PATH...}: validates each model file (given, or found in the
 * folders given) as its own model, prints {@code file: pointer: CODE: message} per error and the
 * summary line {@code N files, M valid, K invalid}. Exit codes: {@link #OK} when
 * every model is valid, {@link #INVALID} when any is not, {@link #USAGE} for bad arguments or
 * unreadable paths.
 */
public final class ValidateCommandLogic {

    public static final int OK = 0;
    public static final int INVALID = 1;
    public static final int USAGE = 2;
    public static final String USAGE_TEXT = "usage: opencentral dtdl validate [--repo DIR] PATH...";

    private ValidateCommandLogic() {
    }

    /** Parses the arguments, validates, prints to {@code out} (results) and {@code err} (usage problems). */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Optional<Path> repo = Optional.empty();
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--repo")) {
                if (i + 1 >= args.size()) {
                    return usage(err, "--repo needs a directory");
                }
                repo = Optional.of(Path.of(args.get(++i)));
            } else if (arg.startsWith("--repo=")) {
                repo = Optional.of(Path.of(arg.substring("--repo=".length())));
            } else if (arg.startsWith("-")) {
                return usage(err, "unknown option " + arg);
            } else {
                paths.add(Path.of(arg));
            }
        }
        return run(paths, repo, out, err);
    }

    public static int run(List<Path> paths, Optional<Path> repo, PrintStream out, PrintStream err) {
        if (paths.isEmpty()) {
            return usage(err, "no model files or folders given");
        }
        Optional<Path> missing = paths.stream().filter(p -> !Files.exists(p)).findFirst()
                .or(() -> repo.filter(r -> !Files.isDirectory(r)));
        if (missing.isPresent()) {
            return usage(err, "no such file or directory: " + missing.get());
        }
        List<FileResult> results;
        try {
            results = DtdlValidator.validatePaths(paths, repo);
        } catch (UncheckedIOException e) {
            return usage(err, e.getMessage());
        }
        format(results).forEach(out::println);
        return results.stream().allMatch(FileResult::valid) ? OK : INVALID;
    }

    /**
     * One line per error (an error in a file that several given files depend on is printed once),
     * then the summary line {@code N files, M valid, K invalid}.
     */
    public static List<String> format(List<FileResult> results) {
        List<String> lines = new ArrayList<>();
        results.stream().flatMap(r -> r.errors().stream()).distinct().map(DtdlError::format).forEach(lines::add);
        lines.add(summary(results));
        return lines;
    }

    static String summary(List<FileResult> results) {
        long files = results.size();
        long valid = results.stream().filter(FileResult::valid).count();
        return files + (files == 1 ? " file, " : " files, ") + valid + " valid, " + (files - valid) + " invalid";
    }

    private static int usage(PrintStream err, String problem) {
        err.println("error: " + problem);
        err.println(USAGE_TEXT);
        return USAGE;
    }
}
