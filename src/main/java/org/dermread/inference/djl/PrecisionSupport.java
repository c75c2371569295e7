package org.dermread.inference.djl;

import java.util.Locale;
import java.util.Optional;
import org.dermread.inference.Precision;

/**
 * Whether this machine can run a precision with the instructions it needs, decided before any model runs.
 *
 * <p>bf16 on a CPU needs two things. First, the processor's bf16 instructions: {@code avx512_bf16} (AVX512-BF16,
 * e.g. Intel Cooper Lake and later, AMD Zen 4 and later) or {@code amx_bf16} (Intel AMX, Sapphire Rapids and later)
 * among the flags of {@code /proc/cpuinfo}. Second, oneDNN must be allowed to use them: its kernels for bf16
 * convolutions start at the instruction-set level {@code AVX512_CORE_BF16} (oneDNN documentation, "CPU Dispatcher
 * Control"; {@code AVX2_VNNI_2} also has bf16 kernels). Below that level libtorch 2.5.1 does not hand bf16
 * convolutions to oneDNN at all but runs its generic kernels, which on this project's AMD EPYC (Zen 5) machine were
 * 2-3 times slower than fp32 (README, "Precision"), so bf16 would cost accuracy and gain nothing. DermRead caps oneDNN
 * at AVX2 on AMD processors with AVX-512 ({@link CpuInstructionSet}), so there bf16 is refused.
 *
 * <p>On a GPU the CUDA kernels decide (bf16 needs compute capability 8.0 or later); DermRead does not check that and
 * has not measured it.
 */
final class PrecisionSupport {

    static final String SETTING = "dermread.inference.precision";
    private static final int BF16_LEVEL = CpuInstructionSet.LEVELS.indexOf("AVX512_CORE_BF16");

    private PrecisionSupport() {
    }

    /**
     * Why {@code precision} cannot run here, or empty when it can.
     *
     * @param cpu      the processor's vendor and flags
     * @param isaLevel oneDNN's instruction-set level in force ({@code native}, {@code DEFAULT} or a level name)
     * @param gpu      whether models run on a GPU
     */
    static Optional<String> refusal(Precision precision, CpuInstructionSet.CpuInfo cpu, String isaLevel, boolean gpu) {
        if (precision == Precision.FP32 || gpu) {
            return Optional.empty();
        }
        boolean instructions = cpu.flags().contains("avx512_bf16") || cpu.flags().contains("amx_bf16");
        if (!instructions) {
            return Optional.of(SETTING + "=bf16 needs a processor with bf16 instructions (avx512_bf16 or amx_bf16 "
                    + "among the flags of /proc/cpuinfo); this " + (cpu.vendor().isEmpty() ? "processor"
                    : cpu.vendor() + " processor") + " has neither, so bf16 would be emulated and slower than fp32. "
                    + "Set " + SETTING + "=fp32.");
        }
        String level = isaLevel == null ? "" : isaLevel.trim().toUpperCase(Locale.ROOT);
        boolean uncapped = level.equals("NATIVE") || level.equals("DEFAULT");
        int index = CpuInstructionSet.LEVELS.indexOf(level);
        if (!uncapped && index < BF16_LEVEL && !level.equals("AVX2_VNNI_2")) {
            return Optional.of(SETTING + "=bf16 is refused: oneDNN runs capped at " + isaLevel + " here "
                    + "(dermread.inference.cpu-isa), below AVX512_CORE_BF16, so libtorch would not use the "
                    + "processor's bf16 instructions but its generic kernels, which were 2-3x slower than fp32 on this "
                    + "project's AMD EPYC machine. Keep " + SETTING + "=fp32 (and a channels-last variant for speed), "
                    + "or raise dermread.inference.cpu-isa only where the engine self-check passes at that level.");
        }
        return Optional.empty();
    }
}
