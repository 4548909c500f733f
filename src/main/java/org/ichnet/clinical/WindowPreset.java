package org.ichnet.clinical;

/** A CT display window: HU in [level - width/2, level + width/2] map linearly to gray [0, 1]. */
public enum WindowPreset {
    /** The window of the CT-ICH JPG release's brain images, which the models were trained on. */
    BRAIN_CTICH(40, 120),
    /** The window of the CT-ICH JPG release's bone images. */
    BONE_CTICH(700, 3200),
    BRAIN(40, 80),
    SUBDURAL(80, 200),
    BONE(600, 2800);

    public final double level;
    public final double width;

    WindowPreset(double level, double width) {
        this.level = level;
        this.width = width;
    }

    public double lower() {
        return level - width / 2;
    }

    public double upper() {
        return level + width / 2;
    }
}
