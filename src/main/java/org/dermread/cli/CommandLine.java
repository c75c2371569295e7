package org.dermread.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments of one command: its positional arguments and its options ({@code --name value}, {@code --name=value},
 * or a flag without a value). Only the options the command declares are accepted; anything else, a missing value or a
 * value of the wrong form is a {@link UsageError} (exit status 2).
 */
final class CommandLine {

    /** Bad usage: the message says what is wrong; the command's usage follows it. */
    static final class UsageError extends RuntimeException {
        UsageError(String message) {
            super(message);
        }
    }

    private final List<String> positional;
    private final Map<String, String> values;
    private final Set<String> flags;
    private final boolean help;

    private CommandLine(List<String> positional, Map<String, String> values, Set<String> flags, boolean help) {
        this.positional = positional;
        this.values = values;
        this.flags = flags;
        this.help = help;
    }

    /**
     * Parses {@code args[from..]}.
     *
     * @param valued the options that take a value
     * @param flagged the options that take none
     */
    static CommandLine parse(String[] args, int from, Set<String> valued, Set<String> flagged) {
        List<String> positional = new ArrayList<>();
        Map<String, String> values = new HashMap<>();
        Set<String> flags = new HashSet<>();
        boolean help = false;
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            if (!arg.startsWith("-") || arg.equals("-")) {
                positional.add(arg);
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            if (valued.contains(name)) {
                String value;
                if (eq >= 0) {
                    value = arg.substring(eq + 1);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new UsageError("option " + name + " needs a value");
                }
                if (values.put(name, value) != null) {
                    throw new UsageError("option " + name + " is given twice");
                }
            } else if (flagged.contains(name) && eq < 0) {
                flags.add(name);
            } else if (flagged.contains(name)) {
                throw new UsageError("option " + name + " takes no value");
            } else {
                throw new UsageError("unknown option " + arg);
            }
        }
        return new CommandLine(positional, values, flags, help);
    }

    boolean help() {
        return help;
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    /** The one input file or folder the command works on. */
    Path input(String what) {
        if (positional.isEmpty()) {
            throw new UsageError("missing " + what);
        }
        if (positional.size() > 1) {
            throw new UsageError("one " + what + " only; unexpected " + positional.get(1));
        }
        return Path.of(positional.get(0));
    }

    String text(String name, String otherwise) {
        return values.getOrDefault(name, otherwise);
    }

    /** A whole number of at least {@code min}; null when the option is absent. */
    Integer count(String name, int min) {
        String v = values.get(name);
        if (v == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min) {
                throw new UsageError(name + " must be at least " + min + ", got " + v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageError(name + " needs a whole number, got " + v);
        }
    }

    /** A seed (any 64-bit whole number); null when absent. */
    Long seed(String name) {
        String v = values.get(name);
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageError(name + " needs a whole number, got " + v);
        }
    }

    /** A number strictly between 0 and 1 (a confidence level, a power, alpha); null when absent. */
    Double fraction(String name) {
        String v = values.get(name);
        if (v == null) {
            return null;
        }
        double x = number(name, v);
        if (!(x > 0 && x < 1)) {
            throw new UsageError(name + " must lie strictly between 0 and 1, got " + v);
        }
        return x;
    }

    /** A finite number; null when absent. */
    Double number(String name) {
        String v = values.get(name);
        if (v == null) {
            return null;
        }
        double x = number(name, v);
        if (Double.isInfinite(x)) {
            throw new UsageError(name + " needs a finite number, got " + v);
        }
        return x;
    }

    /** A positive number; null when absent. */
    Double positive(String name) {
        String v = values.get(name);
        if (v == null) {
            return null;
        }
        double x = number(name, v);
        if (!(x > 0) || Double.isInfinite(x)) {
            throw new UsageError(name + " must be a positive number, got " + v);
        }
        return x;
    }

    /** A comma-separated list of proportions in [0, 1] (e.g. 0.8,0.9,0.95); empty when absent. */
    List<Double> proportions(String name) {
        List<Double> out = new ArrayList<>();
        for (String part : list(name)) {
            double x = number(name, part);
            if (!(x >= 0 && x <= 1)) {
                throw new UsageError(name + " takes proportions between 0 and 1, got " + part);
            }
            out.add(x);
        }
        return out;
    }

    /** A comma-separated list of whole numbers of at least {@code min}; empty when absent. */
    List<Integer> counts(String name, int min) {
        List<Integer> out = new ArrayList<>();
        for (String part : list(name)) {
            try {
                int n = Integer.parseInt(part);
                if (n < min) {
                    throw new UsageError(name + " takes whole numbers of at least " + min + ", got " + part);
                }
                out.add(n);
            } catch (NumberFormatException e) {
                throw new UsageError(name + " takes whole numbers, got " + part);
            }
        }
        return out;
    }

    /** A comma-separated list of names; empty when absent. */
    List<String> list(String name) {
        String v = values.get(name);
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        for (String part : v.split(",", -1)) {
            String p = part.trim();
            if (p.isEmpty()) {
                throw new UsageError(name + " has an empty item: " + v);
            }
            out.add(p);
        }
        return out;
    }

    private static double number(String name, String v) {
        try {
            double x = Double.parseDouble(v.trim());
            if (Double.isNaN(x)) {
                throw new UsageError(name + " needs a number, got " + v);
            }
            return x;
        } catch (NumberFormatException e) {
            throw new UsageError(name + " needs a number, got " + v);
        }
    }
}
