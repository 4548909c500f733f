package org.ichnet.model;

import org.tensorflow.op.Ops;

/** TensorFlow op names may not contain '/': a path "a/b/c" becomes sub-scopes a, b and the name c. */
final class Names {
    private Names() {
    }

    static Ops at(Ops tf, String path) {
        String[] parts = path.split("/");
        Ops scoped = tf;
        for (int i = 0; i < parts.length - 1; i++) scoped = scoped.withSubScope(parts[i]);
        return scoped.withName(parts[parts.length - 1]);
    }
}
