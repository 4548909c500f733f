package org.ichnet.preprocess;

/** Which CT windows feed the model: the brain window alone, or brain and bone as two channels. */
public enum Channels {
    BRAIN(1), BRAIN_BONE(2);

    private final int count;

    Channels(int count) {
        this.count = count;
    }

    public int count() {
        return count;
    }
}
