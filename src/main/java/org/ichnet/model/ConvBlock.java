package org.ichnet.model;

/** {@code convs} 3x3 same-padded ReLU convolutions with {@code filters} channels, then 2x2 max-pool, then dropout. */
public record ConvBlock(int convs, int filters, double dropout) {
    public ConvBlock {
        if (convs < 1 || filters < 1) throw new IllegalArgumentException("a block needs ≥1 conv and ≥1 filter");
        if (dropout < 0 || dropout >= 1) throw new IllegalArgumentException("dropout must be in [0,1)");
    }

    public static ConvBlock of(int convs, int filters) {
        return new ConvBlock(convs, filters, 0);
    }

    public ConvBlock withDropout(double rate) {
        return new ConvBlock(convs, filters, rate);
    }
}
