/** The multi-file fixture the LSP feature tests run on. */
export const FEATURE_FIXTURE = `//- /org.isms
organization "Acme" {
  top-management ceo
  climate-change not-relevant
}

role ceo "Chief Executive" {
  top-management yes
}

role cto "Chief Technology Officer" {
  holder "Sam Okafor"
}

policy infosec "Information Security Policy" {
  approved-by ceo
  approved 2026-01-15
  document "policies/infosec.md"
}
//- /policies/infosec.md
# Information security policy
//- /risks.isms
risk-criteria {
  likelihood-scale "Rare", "Unlikely", "Possible", "Likely", "Certain"
  impact-scale "Minor", "Moderate", "Major", "Severe", "Critical"
  acceptance 6
}

// Ransomware is the main threat
risk R-1 "Ransomware" {
  owner cto
  likelihood 4
  impact 4
  treatment mitigate
  controls A.8.13
  accepted-by ceo
  threat "cto phishing" // mentions cto in text only
}
`;
