/** What the training and evaluation scripts bundle: detection plus the scorer's training helpers. */
export * from './index';
export { candidatesOf, examplesOf, leaveOneOut, suggestWith, trainLogistic, trainOn } from './initiativeTraining';
export type { Example, LabelledText, TrainOptions } from './initiativeTraining';
export { DEFAULT_MIN_SCORE, scoreOf } from './initiativeScorer';
export type { InitiativeWeights } from './initiativeScorer';
