package org.pinn4j.core.train;

import java.util.List;

/**
 * What a listener sees after each step: position in the run, the losses and coefficients, timing.
 *
 * @param step          global step number (1-based)
 * @param totalSteps    planned steps of the whole run (L-BFGS counts its iteration budget)
 * @param phase         label of the current phase
 * @param epoch         epoch number in mini-batch phases (0 otherwise)
 * @param learningRate  learning rate used (NaN for L-BFGS)
 * @param total         weighted total loss
 * @param termNames     condition names
 * @param termLosses    unweighted mean loss of each condition
 * @param coefficientNames trainable coefficient names
 * @param coefficients  their current values
 * @param elapsedSeconds wall time since training started
 * @param validationRelL2 relative L2 error on the validation set ({@link Trainer#validation}) measured at this
 *     step, NaN when it was not measured at this step
 */
public record StepReport(
        int step,
        int totalSteps,
        String phase,
        int epoch,
        double learningRate,
        double total,
        List<String> termNames,
        double[] termLosses,
        List<String> coefficientNames,
        double[] coefficients,
        double elapsedSeconds,
        double validationRelL2) {}
