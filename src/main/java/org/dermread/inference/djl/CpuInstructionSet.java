package org.dermread.inference.djl;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.dermread.inference.EngineSummary;

/**
 * The highest instruction set libtorch's oneDNN kernels may use ({@code ONEDNN_MAX_CPU_ISA}), chosen before the
 * engine loads, because oneDNN reads it once, at its first use, from the process environment.
 *
 * <p>Why DermRead sets it: on an AMD EPYC (Zen 5) machine with AVX-512, libtorch 2.5.1 (oneDNN 3.5) gave
 * probabilities that differed from Python's by up to 0.40 and a different top class on up to 180 of the 200 demo
 * images, varying from run to run; with the kernels capped at AVX2 the largest difference was 8.2e-7 (measured
 * 2026-11-27 with {@code DemoModelGoldenTest}; AVX512_CORE, AVX512_CORE_VNNI and AVX512_CORE_BF16 were all wrong).
 * So {@code auto} caps oneDNN at AVX2 on AMD processors that have AVX-512, and leaves other processors at their
 * native level. Whatever the choice, {@link EngineSelfCheck} compares the engine with Python on every start.
 */
final class CpuInstructionSet {

    static final String VARIABLE = "ONEDNN_MAX_CPU_ISA";
    /** oneDNN's names, lowest to highest (oneDNN documentation, "CPU Dispatcher Control"). */
    static final List<String> LEVELS = List.of("SSE41", "AVX", "AVX2", "AVX2_VNNI", "AVX2_VNNI_2", "AVX512_CORE",
            "AVX512_CORE_VNNI", "AVX512_CORE_BF16", "AVX10_1_512", "AVX512_CORE_AMX", "AVX10_1_512_AMX",
            "AVX512_CORE_AMX_FP16", "AVX10_1_512_AMX_FP16", "DEFAULT");
    private static final Logger log = LoggerFactory.getLogger(CpuInstructionSet.class);
    private static Choice applied;
    private static String appliedSetting;

    private CpuInstructionSet() {
    }

    /**
     * Applies the setting once per process, before libtorch is first used; later calls return the first choice
     * (oneDNN cannot change its instruction set once it has started), with a warning if they ask for another.
     */
    static synchronized Choice ensureApplied(String setting) {
        return ensureApplied(setting, CpuInfo.read());
    }

    /** As {@link #ensureApplied(String)}, with the processor's information from a given source. */
    static synchronized Choice ensureApplied(String setting, CpuInfo cpu) {
        if (applied == null) {
            applied = apply(setting, cpu);
            appliedSetting = setting;
        } else if (!String.valueOf(setting).equalsIgnoreCase(String.valueOf(appliedSetting))) {
            log.warn("dermread.inference.cpu-isa={} ignored: libtorch already runs with {}", setting,
                    applied.describe());
        }
        return applied;
    }

    /** What was decided, for the log and the AI models page. */
    record Choice(String level, String reason, EngineSummary.IsaReason kind, String detail) {

        String describe() {
            return "oneDNN ISA " + level + " (" + reason + ")";
        }
    }

    /** The choice in force, applying {@code auto} if nothing has been chosen yet. */
    static synchronized Choice ensureDefault() {
        return applied != null ? applied : ensureApplied("auto");
    }

    /**
     * Decides and applies the setting ({@code auto}, {@code native} or a oneDNN level such as {@code AVX2}) to this
     * process. An {@code ONEDNN_MAX_CPU_ISA} already in the environment wins: the operator set it on purpose.
     */
    private static Choice apply(String setting, CpuInfo cpu) {
        String given = System.getenv(VARIABLE);
        if (given != null && !given.isBlank()) {
            return new Choice(given, "from the environment", EngineSummary.IsaReason.ENVIRONMENT, VARIABLE);
        }
        String value = setting == null ? "auto" : setting.trim().toUpperCase(Locale.ROOT);
        Choice choice;
        if (value.equals("NATIVE")) {
            return new Choice("native", "dermread.inference.cpu-isa=native", EngineSummary.IsaReason.SETTING,
                    "dermread.inference.cpu-isa=native");
        } else if (value.equals("AUTO")) {
            if (cpu.vendor().equals("AuthenticAMD") && cpu.flags().contains("avx512f")) {
                choice = new Choice("AVX2", "auto: AMD processor with AVX-512, whose oneDNN AVX-512 kernels gave "
                        + "wrong results here", EngineSummary.IsaReason.AUTO_AMD_AVX512, cpu.vendor());
            } else {
                return new Choice("native", "auto: " + (cpu.vendor().isEmpty() ? "unknown processor" : cpu.vendor()),
                        EngineSummary.IsaReason.AUTO_NATIVE, cpu.vendor());
            }
        } else if (LEVELS.contains(value)) {
            choice = new Choice(value, "dermread.inference.cpu-isa=" + value, EngineSummary.IsaReason.SETTING,
                    "dermread.inference.cpu-isa=" + value);
        } else {
            throw new IllegalStateException("dermread.inference.cpu-isa=" + setting + " is not auto, native or one of "
                    + LEVELS);
        }
        setEnvironment(VARIABLE, choice.level());
        return choice;
    }

    /** Sets a variable in the process environment itself (Java's {@code System.getenv} map is a read-only copy). */
    private static void setEnvironment(String name, String value) {
        try {
            int result = Native.load("c", LibC.class).setenv(name, value, 1);
            if (result != 0) {
                throw new IllegalStateException("setenv(" + name + ") failed with " + result);
            }
        } catch (UnsatisfiedLinkError e) {
            throw new IllegalStateException("Cannot set " + name + " for libtorch (no C library): set the "
                    + "environment variable " + name + "=" + value + " before starting DermRead", e);
        }
        log.debug("{}={} set for libtorch", name, value);
    }

    /** The C library's {@code setenv}, through JNA (a dependency of DJL). */
    private interface LibC extends Library {
        int setenv(String name, String value, int overwrite);
    }

    /** Vendor and feature flags of the first processor, from {@code /proc/cpuinfo} (empty elsewhere). */
    record CpuInfo(String vendor, Set<String> flags) {

        static CpuInfo read() {
            return read(Path.of("/proc/cpuinfo"));
        }

        static CpuInfo read(Path file) {
            try {
                return parse(Files.readAllLines(file));
            } catch (IOException | RuntimeException e) {
                return new CpuInfo("", Set.of());
            }
        }

        static CpuInfo parse(List<String> lines) {
            String vendor = field(lines, "vendor_id").orElse("");
            Set<String> flags = field(lines, "flags").map(text -> Set.of(text.trim().split("\\s+"))).orElse(Set.of());
            return new CpuInfo(vendor, flags);
        }

        private static Optional<String> field(List<String> lines, String name) {
            return lines.stream()
                    .filter(line -> line.startsWith(name) && line.indexOf(':') > 0
                            && line.substring(0, line.indexOf(':')).trim().equals(name))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst();
        }
    }
}
