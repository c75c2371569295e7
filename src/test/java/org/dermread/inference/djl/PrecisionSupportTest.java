package org.dermread.inference.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.dermread.inference.InferenceProperties;
import org.dermread.inference.Precision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The precision setting is refused where the processor lacks bf16 instructions or oneDNN may not use them. */
class PrecisionSupportTest {

    /** The flags of this project's AMD EPYC (Zen 5) machine, abridged. */
    static final List<String> ZEN5 = List.of("processor\t: 0", "vendor_id\t: AuthenticAMD",
            "flags\t\t: fpu sse2 avx avx2 fma avx512f avx512bw avx512vl avx512_vnni avx512_bf16");
    /** An AVX2-only processor (no bf16 of any kind). */
    static final List<String> AVX2_ONLY = List.of("processor\t: 0", "vendor_id\t: GenuineIntel",
            "flags\t\t: fpu sse2 avx avx2 fma");
    /** An Intel Sapphire Rapids processor: AVX512-BF16 and AMX. */
    static final List<String> SAPPHIRE_RAPIDS = List.of("processor\t: 0", "vendor_id\t: GenuineIntel",
            "flags\t\t: fpu avx2 avx512f avx512_bf16 amx_bf16 amx_tile amx_int8");

    @Test
    void bf16_is_refused_on_a_processor_without_bf16_instructions() {
        var cpu = CpuInstructionSet.CpuInfo.parse(AVX2_ONLY);

        var refusal = PrecisionSupport.refusal(Precision.BF16, cpu, "native", false);

        assertThat(refusal).hasValueSatisfying(reason -> assertThat(reason)
                .contains("dermread.inference.precision=bf16", "avx512_bf16 or amx_bf16", "GenuineIntel",
                        "dermread.inference.precision=fp32"));
    }

    @Test
    void bf16_is_refused_where_onednn_is_capped_below_its_bf16_kernels_even_if_the_processor_has_them() {
        var cpu = CpuInstructionSet.CpuInfo.parse(ZEN5);

        assertThat(PrecisionSupport.refusal(Precision.BF16, cpu, "AVX2", false))
                .hasValueSatisfying(reason -> assertThat(reason).contains("capped at AVX2", "AVX512_CORE_BF16"));
        assertThat(PrecisionSupport.refusal(Precision.BF16, cpu, "AVX512_CORE_VNNI", false)).isPresent();
        assertThat(PrecisionSupport.refusal(Precision.BF16, cpu, "AVX512_CORE_BF16", false)).isEmpty();
    }

    @Test
    void bf16_is_accepted_with_the_instructions_at_an_uncapped_level_and_fp32_or_a_gpu_always() {
        var rapids = CpuInstructionSet.CpuInfo.parse(SAPPHIRE_RAPIDS);
        var old = CpuInstructionSet.CpuInfo.parse(AVX2_ONLY);

        assertThat(PrecisionSupport.refusal(Precision.BF16, rapids, "native", false)).isEmpty();
        assertThat(PrecisionSupport.refusal(Precision.BF16, rapids, "DEFAULT", false)).isEmpty();
        assertThat(PrecisionSupport.refusal(Precision.FP32, old, "SSE41", false)).isEmpty();
        assertThat(PrecisionSupport.refusal(Precision.BF16, old, "native", true)).isEmpty();
    }

    @Test
    void the_application_does_not_start_with_bf16_when_the_cpu_information_lacks_the_flags(@TempDir Path dir)
            throws IOException {
        // The instruction set is chosen once per process from the real processor; choose it first, as the
        // application would, so the simulated /proc/cpuinfo below changes only what the precision check sees.
        CpuInstructionSet.ensureDefault();
        Path fakeCpuInfo = Files.write(dir.resolve("cpuinfo"), AVX2_ONLY);
        DjlRuntime runtime = new DjlRuntime(properties(Precision.BF16, fakeCpuInfo));

        assertThatThrownBy(runtime::checkPrecision).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs a processor with bf16 instructions");

        new DjlRuntime(properties(Precision.FP32, fakeCpuInfo)).checkPrecision();
    }

    static InferenceProperties properties(Precision precision, Path cpuInfo) {
        return new InferenceProperties(Path.of("target/models"), InferenceProperties.DeviceChoice.CPU, 0, 1, 1, false,
                "auto", precision, InferenceProperties.MemoryFormatChoice.AUTO, cpuInfo, false,
                new InferenceProperties.Parity(Path.of("study-sets/demo/images"), 200, 0.995, 1e-3),
                new InferenceProperties.Worker(false, 1, Duration.ofMinutes(2), Duration.ofSeconds(2)));
    }
}
