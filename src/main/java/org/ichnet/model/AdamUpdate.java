package org.ichnet.model;

import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

import java.util.ArrayList;
import java.util.List;

/**
 * Adam written on {@code ApplyAdam} rather than the framework's optimizer: the learning rate is a
 * fed operand (warm-up and schedules need it), and slot names are explicit so checkpoints are stable.
 * With a weight decay it is AdamW: kernels (not biases or batch-norm scales) shrink by
 * learning rate x decay after each Adam step, outside the adaptive scaling.
 */
final class AdamUpdate {
    static final float BETA1 = 0.9f, BETA2 = 0.999f, EPSILON = 1e-7f;

    private AdamUpdate() {
    }

    static Op minimize(Ops tf, Operand<TFloat32> loss, List<Variable<TFloat32>> variables,
                       Operand<TFloat32> learningRate, List<Operand<?>> runAlongside, float weightDecay) {
        return minimize(tf, loss, variables, v -> learningRate, runAlongside, weightDecay);
    }

    /** As above with a learning rate per variable (layer-wise rates for fine-tuning). */
    static Op minimize(Ops tf, Operand<TFloat32> loss, List<Variable<TFloat32>> variables,
                       java.util.function.Function<Variable<TFloat32>, Operand<TFloat32>> learningRateOf,
                       List<Operand<?>> runAlongside, float weightDecay) {
        Gradients grads = tf.withSubScope("gradients").gradients(loss, variables);
        Variable<TFloat32> beta1Power = Names.at(tf, "adam/beta1_power").variable(tf.constant(BETA1));
        Variable<TFloat32> beta2Power = Names.at(tf, "adam/beta2_power").variable(tf.constant(BETA2));
        // Variables are TF1 references read when a consumer runs: no update may start before every
        // gradient has been computed from the old values, or results depend on scheduling.
        List<Op> allGradients = new ArrayList<>();
        grads.forEach(allGradients::add);
        Ops tfAfterGradients = tf.withControlDependencies(allGradients);
        List<Op> applies = new ArrayList<>();
        for (int i = 0; i < variables.size(); i++) {
            Variable<TFloat32> v = variables.get(i);
            String name = v.op().name();
            // slots start from the variable's static shape, not its value: initialisers run in any order
            Operand<TFloat32> zeros = tf.fill(tf.constant(v.shape().asArray()), tf.constant(0f));
            Variable<TFloat32> m = Names.at(tf, name + "/adam_m").variable(zeros);
            Variable<TFloat32> s = Names.at(tf, name + "/adam_v").variable(zeros);
            @SuppressWarnings("unchecked")
            Operand<TFloat32> g = grads.<TFloat32>dy(i);
            Operand<TFloat32> learningRate = learningRateOf.apply(v);
            Op apply = tfAfterGradients.train.applyAdam(v, m, s, beta1Power, beta2Power, learningRate,
                    tf.constant(BETA1), tf.constant(BETA2), tf.constant(EPSILON), g);
            if (weightDecay > 0 && name.endsWith("/kernel")) {
                Ops afterApply = tf.withControlDependencies(List.of(apply));
                apply = afterApply.assignSub(v, afterApply.math.mul(v,
                        afterApply.math.mul(learningRate, afterApply.constant(weightDecay))));
            }
            applies.add(apply);
        }
        applies.addAll(runAlongside);
        Ops after = tf.withControlDependencies(applies);
        Op b1 = after.assign(beta1Power, after.math.mul(beta1Power, after.constant(BETA1)));
        Op b2 = after.assign(beta2Power, after.math.mul(beta2Power, after.constant(BETA2)));
        return tf.withControlDependencies(List.of(b1, b2)).withName("train_step").noOp();
    }
}
