package org.ichnet.preprocess;

import java.util.Arrays;
import java.util.Optional;

/**
 * Which images feed the model, as channels: the brain window alone; brain and bone windows; or the
 * brain windows of the slice below, the slice itself and the slice above (the RSNA 2019 winners'
 * "2.5D" input: a bleed continues across neighbouring slices, noise and beam-hardening rarely do).
 */
public enum Channels {
    BRAIN(1, "brain"), BRAIN_BONE(2, "brain+bone"), BRAIN_NEIGHBOURS(3, "brain+neighbours");

    private final int count;
    private final String label;

    Channels(int count, String label) {
        this.count = count;
        this.label = label;
    }

    public int count() {
        return count;
    }

    /** The name written to ensemble.json and reports. */
    public String label() {
        return label;
    }

    public static Optional<Channels> ofLabel(String label) {
        return Arrays.stream(values()).filter(c -> c.label.equals(label)).findFirst();
    }
}
