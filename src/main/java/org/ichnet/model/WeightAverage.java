package org.ichnet.model;

import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

import java.util.ArrayList;
import java.util.List;

/**
 * An exponential moving average of the trainable weights, kept beside them in the training graph.
 * As TensorFlow's {@code ExponentialMovingAverage} with {@code num_updates}, the decay starts low
 * ((1 + n) / (10 + n) after n updates); unlike it the average starts from zero, not from the
 * weights, so the first update keeps 90% of them and the zero start fades within a few steps.
 * Batch-norm moving statistics are not averaged: the served model uses those of the trained
 * weights' last ~10 steps (momentum 0.9), which is what was measured in cross-validation.
 * To evaluate or export the average, {@link #useAverage} swaps it into the variables (keeping the
 * trained values aside) and {@link #useTrained} swaps them back.
 */
final class WeightAverage {
    final Op update;
    final Op useAverage;
    final Op useTrained;

    WeightAverage(Ops tf, List<Variable<TFloat32>> variables, float decay, Op afterStep) {
        Variable<TFloat32> updates = Names.at(tf, "ema/updates").variable(tf.constant(0f));
        Ops after = tf.withControlDependencies(List.of(afterStep));
        Operand<TFloat32> rate = after.math.minimum(after.constant(decay),
                after.math.div(after.math.add(updates, after.constant(1f)), after.math.add(updates, after.constant(10f))));
        List<Op> moves = new ArrayList<>();
        List<Op> backups = new ArrayList<>();
        List<Variable<TFloat32>> averages = new ArrayList<>();
        List<Variable<TFloat32>> saved = new ArrayList<>();
        for (Variable<TFloat32> v : variables) {
            String name = v.op().name();
            Operand<TFloat32> zeros = tf.fill(tf.constant(v.shape().asArray()), tf.constant(0f));
            Variable<TFloat32> average = Names.at(tf, name + "/ema").variable(zeros);
            Variable<TFloat32> backup = Names.at(tf, name + "/ema_backup").variable(zeros);
            averages.add(average);
            saved.add(backup);
            // average <- rate * average + (1 - rate) * v
            moves.add(after.assign(average, after.math.add(after.math.mul(average, rate),
                    after.math.mul(v, after.math.sub(after.constant(1f), rate)))));
            backups.add(tf.assign(backup, v));
        }
        Op counted = tf.withControlDependencies(moves).assignAdd(updates, tf.constant(1f));
        update = tf.withControlDependencies(List.of(counted)).withName("ema_update").noOp();

        Ops afterBackup = tf.withControlDependencies(backups);
        List<Op> swapIn = new ArrayList<>();
        List<Op> swapOut = new ArrayList<>();
        for (int i = 0; i < variables.size(); i++) {
            swapIn.add(afterBackup.assign(variables.get(i), averages.get(i)));
            swapOut.add(tf.assign(variables.get(i), saved.get(i)));
        }
        useAverage = tf.withControlDependencies(swapIn).withName("ema_use_average").noOp();
        useTrained = tf.withControlDependencies(swapOut).withName("ema_use_trained").noOp();
    }
}
