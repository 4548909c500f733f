package org.ichnet.cli;

import java.nio.file.Path;

/** The trained ensemble shipped with the project, used when {@code predict} gets no {@code --model}. */
final class BundledModel {

    static final String RELATIVE = "models/ct-ich-wa2d";

    private BundledModel() {
    }

    static Path locate() {
        return BundledFiles.locate(RELATIVE, "no --model given (train one with `ichnet reproduce --out RUN_DIR` "
                + "and pass --model RUN_DIR/models), and the shipped model is");
    }
}
