/** A message to show, by key, with the values it interpolates. */
export interface MessageCall {
  key: string
  named: Record<string, string>
}

/**
 * The call to action of the emergency tier: "Call 999 now" with the emergency
 * number the clinic set, or "Call your local emergency number now" while it
 * is unset. `wrap` marks the interpolated number, e.g. with Unicode isolates
 * so digits keep their place in right-to-left text.
 */
export function emergencyCallMessage(emergencyNumber: string, wrap: (value: string) => string): MessageCall {
  return emergencyNumber
    ? { key: 'doctor.emergency.call', named: { number: wrap(emergencyNumber) } }
    : { key: 'doctor.emergency.callLocal', named: {} }
}

/**
 * How to get help today. On screen the visitor is in the clinic: call it on
 * its phone, or tell the front desk now (the front desk alone when no phone is
 * set). On paper, read at home: call the clinic's phone, or a doctor or clinic
 * when none is set.
 */
export function getHelpTodayMessage(
  clinicPhone: string,
  where: 'screen' | 'paper',
  wrap: (value: string) => string,
): MessageCall {
  if (!clinicPhone) return { key: where === 'screen' ? 'doctor.urgent.tellDesk' : 'printed.callDoctor', named: {} }
  return {
    key: where === 'screen' ? 'doctor.urgent.callClinic' : 'printed.callClinic',
    named: { phone: wrap(clinicPhone) },
  }
}
