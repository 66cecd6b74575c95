/** Break-even of every local configuration against every API (the 59.3 comparison table). */
import { breakEvenVolumes, type BreakEvenVolumes } from "./break-even";

export interface MatrixHardware {
  id: string;
  /** Total monthly cost of the configuration, USD. */
  monthlyCostUsd: number;
}

export interface MatrixApi {
  id: string;
  /** Cost of one call at the workload, USD. */
  usdPerCall: number;
}

export interface MatrixOptions {
  /** Local cost per call beyond fixed costs, USD. Default 0. */
  localVariableCostPerCall?: number;
  /** Default 30. */
  daysPerMonth?: number;
}

export interface BreakEvenCell extends BreakEvenVolumes {
  hardwareId: string;
  apiId: string;
  monthlyLocalUsd: number;
  apiUsdPerCall: number;
}

/** One cell per hardware × API, hardware-major, in input order. */
export function breakEvenMatrix(
  hardware: readonly MatrixHardware[],
  apis: readonly MatrixApi[],
  options: MatrixOptions = {},
): BreakEvenCell[] {
  return hardware.flatMap((machine) =>
    apis.map((api) => ({
      hardwareId: machine.id,
      apiId: api.id,
      monthlyLocalUsd: machine.monthlyCostUsd,
      apiUsdPerCall: api.usdPerCall,
      ...breakEvenVolumes(machine.monthlyCostUsd, api.usdPerCall - (options.localVariableCostPerCall ?? 0), options.daysPerMonth),
    })),
  );
}
