/**
 * The names of the ISO/IEC 27002:2022 attribute sets, and how their values
 * read: data without imports, shared by the catalogue, the features and the
 * VS Code client (through the protocol types).
 */

/** The keys of {@link AnnexControl} that hold an ISO/IEC 27002:2022 attribute set. */
export type AttributeKey =
  | 'controlType'
  | 'securityProperties'
  | 'cybersecurityConcepts'
  | 'operationalCapabilities'
  | 'securityDomains';

/** The five ISO/IEC 27002:2022 attribute sets, in the standard's order, with human labels. */
export const ATTRIBUTE_KINDS: readonly { readonly key: AttributeKey; readonly label: string }[] = Object.freeze([
  { key: 'controlType', label: 'Control type' },
  { key: 'securityProperties', label: 'Information security properties' },
  { key: 'cybersecurityConcepts', label: 'Cybersecurity concepts' },
  { key: 'operationalCapabilities', label: 'Operational capabilities' },
  { key: 'securityDomains', label: 'Security domains' },
]);

/** An attribute value for display: `Identity_and_access_management` → `Identity and access management`. */
export function formatAttributeValue(value: string): string {
  return value.replace(/_/g, ' ');
}
