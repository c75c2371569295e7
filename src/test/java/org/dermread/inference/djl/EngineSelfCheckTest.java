package org.dermread.inference.djl;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine's numerical self-check and the choice of oneDNN's instruction set that it guards. */
class EngineSelfCheckTest {

    @Test
    void the_engine_as_configured_by_default_agrees_with_python_on_the_self_check_input() {
        CpuInstructionSet.ensureDefault();

        EngineSelfCheck.Result result = EngineSelfCheck.run(Device.cpu());

        System.out.println("Engine " + CpuInstructionSet.ensureDefault().describe() + ": " + result.describe());
        assertThat(result.passed()).as(result.describe()).isTrue();
        assertThat(result.maxDifference()).isLessThan(1e-4);
    }

    @Test
    void a_reference_that_differs_by_more_than_the_tolerance_fails_the_check() {
        CpuInstructionSet.ensureDefault();
        ObjectNode reference = EngineSelfCheck.reference().deepCopy();
        ArrayNode logits = (ArrayNode) reference.get("logits");
        logits.set(3, logits.get(3).asDouble() + 0.01);

        EngineSelfCheck.Result result = EngineSelfCheck.run(Device.cpu(), reference);

        assertThat(result.passed()).isFalse();
        assertThat(result.maxDifference()).isBetween(0.009, 0.011);
        assertThat(result.describe()).contains("FAILED");
    }

    @Test
    void the_self_check_input_follows_its_documented_formula() {
        float[] input = EngineSelfCheck.input(96, 128);

        assertThat(input).hasSize(3 * 96 * 128);
        // value(c, y, x) = (7x + 13y + 61c + (xy mod 29)) mod 256 at c = 2, y = 5, x = 40: (280 + 65 + 122 + 26) % 256
        assertThat(input[(2 * 96 + 5) * 128 + 40]).isEqualTo((280 + 65 + 122 + 200 % 29) % 256);
    }

    @Test
    void cpu_information_is_read_from_the_proc_cpuinfo_layout() {
        var amd = CpuInstructionSet.CpuInfo.parse(List.of("processor\t: 0", "vendor_id\t: AuthenticAMD",
                "flags\t\t: fpu sse avx2 avx512f avx512_bf16", "processor\t: 1", "vendor_id\t: AuthenticAMD"));
        var none = CpuInstructionSet.CpuInfo.parse(List.of("Processor : ARMv8"));

        assertThat(amd.vendor()).isEqualTo("AuthenticAMD");
        assertThat(amd.flags()).contains("avx512f", "avx512_bf16").doesNotContain("flags");
        assertThat(none.vendor()).isEmpty();
        assertThat(none.flags()).isEmpty();
    }
}
