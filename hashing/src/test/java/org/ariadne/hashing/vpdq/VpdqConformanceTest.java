package org.ariadne.hashing.vpdq;

import java.util.List;
import org.ariadne.hashing.SignalTypeConformanceTest;

class VpdqConformanceTest extends SignalTypeConformanceTest<VpdqHash> {
    @Override protected String name() { return "vpdq"; }
    @Override protected List<String> malformed() { return List.of("", "0,100,34ada6b9,0.000", "0,100,34ada6b96d18d2491a79f80f07f2c9936fe6083dfb6983d8a4a36db40034df54", "0,101,34ada6b96d18d2491a79f80f07f2c9936fe6083dfb6983d8a4a36db40034df54,0.000", "x,100,34ada6b96d18d2491a79f80f07f2c9936fe6083dfb6983d8a4a36db40034df54,0.000"); }
    // First frames of the reference hashes of chair-orig-22-sd-bar and doorknob-hd-no-bar.
    @Override protected List<String> twoDistinctValues() { return List.of(
            "0,100,34ada6b96d18d2491a79f80f07f2c9936fe6083dfb6983d8a4a36db40034df54,0.000;1,100,a5ad66b96d58d2491a79f80f07f2c1936fe6083dfb4983d8a4a36db40034df54,0.033",
            "0,100,dadb999c25266273529cadac89cb52c22324ad3bce99726c38668d93c799f07c,0.000"); }
}
