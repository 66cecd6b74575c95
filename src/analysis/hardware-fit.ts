/**
 * Whether a local configuration can hold the model its break-even assumes: the model it stands in for
 * (hardware.csv `serves_model_id` at `serves_quant_id`) against its VRAM for one call's context, by the
 * memory model of 59.9. A pairing whose hardware cannot hold that model prices a server that could not do
 * the job; these marks say so wherever such a pairing is shown, and what the configuration holds instead.
 */
import type { Dataset, HardwareRow } from "../data";
import { modelFitsHardware } from "./closing-questions";
import { byId, findHardware } from "./lookup";

export interface ServedModel {
  modelId: string;
  model: string;
  quantId: string;
  bitsLabel: number;
}

export interface HardwareModelFit {
  hardware: HardwareRow;
  /** The model the configuration stands in for, at its quantisation. */
  assumed: ServedModel;
  fits: boolean;
  /** Weights, one call's KV cache and every GPU's runtime overhead, GiB. */
  requiredGiB: number;
  /** The configuration's VRAM less the headroom kept free, GiB. */
  availableGiB: number;
  /** When the assumed model does not fit: the largest model in the data that does, at the lightest quantisation. */
  largestThatFits: ServedModel | undefined;
}

function servedModel(data: Dataset, modelId: string, quantId: string): ServedModel {
  const arch = byId(data.modelArchitectures, modelId, (row) => row.modelId, "model_architectures.csv model_id");
  const quant = byId(data.quantisation, quantId, (row) => row.quantId, "quant_id");
  return { modelId, model: arch.model, quantId, bitsLabel: quant.bitsLabel };
}

/** The fit of a configuration's assumed model; undefined when its row names no model to serve. */
export function hardwareModelFit(data: Dataset, hardwareId: string): HardwareModelFit | undefined {
  const hardware = findHardware(data, hardwareId);
  if (hardware.servesModelId === undefined || hardware.servesQuantId === undefined) return undefined;
  const fit = modelFitsHardware(data, hardwareId, hardware.servesModelId, hardware.servesQuantId);
  let largestThatFits: ServedModel | undefined;
  if (!fit.fits) {
    const lightest = [...data.quantisation].sort((a, b) => a.bitsPerWeight - b.bitsPerWeight)[0];
    const largestFirst = [...data.modelArchitectures].sort((a, b) => b.paramsB - a.paramsB);
    const holds = lightest && largestFirst.find((arch) => modelFitsHardware(data, hardwareId, arch.modelId, lightest.quantId).fits);
    if (lightest && holds) largestThatFits = servedModel(data, holds.modelId, lightest.quantId);
  }
  return {
    hardware,
    assumed: servedModel(data, hardware.servesModelId, hardware.servesQuantId),
    fits: fit.fits,
    requiredGiB: fit.requiredGiB,
    availableGiB: fit.availableGiB,
    largestThatFits,
  };
}

/** A short note for tables, captions and labels: empty when the model fits or none is assumed. */
export function fitNote(fit: HardwareModelFit | undefined): string {
  if (!fit || fit.fits) return "";
  const instead = fit.largestThatFits ? `; it holds ${fit.largestThatFits.model} at ${fit.largestThatFits.bitsLabel} bits at most` : "; it holds no model in the data";
  return `cannot hold ${fit.assumed.model} at ${fit.assumed.bitsLabel} bits (needs ${fit.requiredGiB.toFixed(1)} GiB, has ${fit.availableGiB.toFixed(1)} usable)${instead}`;
}

/**
 * A configuration's name for figures and tables, marked where it cannot hold the model its comparisons
 * assume: "1x RTX 4090 (too small for Hermes 3 70B)". `name` defaults to the row's own.
 */
export function fitLabel(data: Dataset, hardwareId: string, name: string = findHardware(data, hardwareId).name): string {
  const fit = hardwareModelFit(data, hardwareId);
  return fit && !fit.fits ? `${name} (too small for ${fit.assumed.model.replace(/ \(.*\)$/, "")})` : name;
}
