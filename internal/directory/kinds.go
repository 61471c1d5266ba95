// Package directory is the domain of the legal-services directory: the kinds of service, providers and
// practitioners as stored, opening hours and "open now" (with China's holidays and make-up working days),
// and the parsers of field values that the importers and the admin form share. It does no I/O and knows
// no HTTP and no SQL.
package directory

// Kinds of service. The list is data (the kinds table, with names and synonyms); these constants are the
// seeded codes that code needs to name, such as the forensic licence period rule.
const (
	KindLawFirm          = "law_firm"
	KindLegalAid         = "legal_aid"
	KindNotary           = "notary"
	KindForensic         = "forensic"
	KindCommunityAdviser = "community_adviser"
)

// Statuses of a provider or practitioner. A closed record is withdrawn, never deleted.
const (
	StatusActive            = "active"
	StatusTemporarilyClosed = "temporarily_closed"
	StatusClosed            = "closed"
)

// ValidStatus reports whether s is one of the three status codes.
func ValidStatus(s string) bool {
	return s == StatusActive || s == StatusTemporarilyClosed || s == StatusClosed
}

// Roles of practitioners: people linked to a place, searchable but not map points of their own. The roles
// are data (practitioner_kinds); these are the seeded codes that code names.
const (
	RoleLawyer      = "lawyer"
	RoleNotary      = "notary"
	RoleAppraiser   = "appraiser"
	RoleAdviser     = "adviser"
	RoleMediator    = "mediator"
	RoleLegalWorker = "legal_worker"
)

// ValidRole reports whether s is one of the seeded practitioner role codes.
func ValidRole(s string) bool {
	return s == RoleLawyer || s == RoleNotary || s == RoleAppraiser || s == RoleAdviser || s == RoleMediator || s == RoleLegalWorker
}
