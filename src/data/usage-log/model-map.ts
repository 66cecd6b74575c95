/**
 * Which models.csv row a log's model name is. Logs name models as the provider's API does
 * (`claude-sonnet-4-5-20250929`, `openai/gpt-oss-120b`), models.csv by roilab's own id and its `price_ref`
 * (`provider:model`): a name maps to the row whose model_id or whose price_ref's model part it equals, ignoring
 * case, and failing that, equals once a release date at its end is set aside on both sides.
 */
import type { ModelRow } from "../schemas";

/** `-20250929`, `-2024-08-06` or Vertex's `@20240620` at the end of a model name. */
const DATE_SUFFIX = /[-@](\d{8}|\d{4}-\d{2}-\d{2})$/;

const withoutDate = (name: string) => name.replace(DATE_SUFFIX, "");

/** The model part of a price_ref (`groq:openai/gpt-oss-120b` → `openai/gpt-oss-120b`); the model may hold colons. */
function priceRefModel(ref: string | undefined): string | undefined {
  const colon = ref?.indexOf(":") ?? -1;
  return ref !== undefined && colon > 0 ? ref.slice(colon + 1).trim() : undefined;
}

/** A lookup from a log's model name to its models.csv row, undefined when none is it; each name is resolved once. */
export function modelMatcher(models: readonly ModelRow[]): (logModel: string) => ModelRow | undefined {
  // In order of preference; within each, the first row of models.csv wins.
  const keys: Array<(model: ModelRow) => string | undefined> = [
    (model) => model.modelId.toLowerCase(),
    (model) => priceRefModel(model.priceRef)?.toLowerCase(),
    (model) => withoutDate(model.modelId.toLowerCase()),
    (model) => {
      const ref = priceRefModel(model.priceRef);
      return ref === undefined ? undefined : withoutDate(ref.toLowerCase());
    },
  ];
  const indexes = keys.map((key) => {
    const index = new Map<string, ModelRow>();
    for (const model of models) {
      const value = key(model);
      if (value !== undefined && !index.has(value)) index.set(value, model);
    }
    return index;
  });
  const resolved = new Map<string, ModelRow | undefined>();
  return (logModel) => {
    if (resolved.has(logModel)) return resolved.get(logModel);
    const name = logModel.trim().toLowerCase();
    const [byId, byRef, byIdUndated, byRefUndated] = indexes as [
      Map<string, ModelRow>,
      Map<string, ModelRow>,
      Map<string, ModelRow>,
      Map<string, ModelRow>,
    ];
    const found =
      name === ""
        ? undefined
        : (byId.get(name) ?? byRef.get(name) ?? byIdUndated.get(withoutDate(name)) ?? byRefUndated.get(withoutDate(name)));
    resolved.set(logModel, found);
    return found;
  };
}
