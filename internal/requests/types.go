// Package requests is the domain of 业务办理: citizens' requests to a place (apply for legal aid, book an
// appointment, ask a question). It holds the request types and statuses with the moves between them, the
// receipt codes, the sealing of personal fields (AES-GCM, keyed HMAC for phone look-ups), the appointment
// slots a place's hours allow, and the checks of what a citizen sends. It knows no HTTP and no SQL.
package requests

import "slices"

// Type is what a citizen asks a place for.
type Type string

const (
	LegalAidApplication Type = "legal_aid_application" // 申请法律援助
	Appointment         Type = "appointment"           // 预约
	Consultation        Type = "consultation"          // 留言咨询
)

// Types lists every request type.
var Types = []Type{LegalAidApplication, Appointment, Consultation}

// Valid says whether t is one of the request types.
func (t Type) Valid() bool { return slices.Contains(Types, t) }

// NeedsSlot says whether a request of this type books a slot.
func (t Type) NeedsSlot() bool { return t == Appointment }

// Status is where a request stands.
type Status string

const (
	Submitted Status = "submitted"
	Accepted  Status = "accepted"
	Scheduled Status = "scheduled"
	Done      Status = "done"
	Declined  Status = "declined"
	Withdrawn Status = "withdrawn"
)

// Statuses lists every status, the open ones first.
var Statuses = []Status{Submitted, Accepted, Scheduled, Done, Declined, Withdrawn}

// OpenStatuses are those of a request still waiting for the place or the citizen.
var OpenStatuses = []Status{Submitted, Accepted, Scheduled}

// Valid says whether s is a status.
func (s Status) Valid() bool { return slices.Contains(Statuses, s) }

// Open says whether the request still waits for something.
func (s Status) Open() bool { return slices.Contains(OpenStatuses, s) }

// Action is a move on a request, by the place's staff or by the citizen; a few change no status.
type Action string

const (
	ActAccept     Action = "accept"
	ActSchedule   Action = "schedule"   // give or confirm an appointment slot
	ActReschedule Action = "reschedule" // move the slot of a scheduled request
	ActReply      Action = "reply"      // a message to the citizen; the status stays
	ActDone       Action = "done"
	ActDecline    Action = "decline"
	ActWithdraw   Action = "withdraw" // the citizen's own move
)

// StaffActions are the moves a place's staff may make.
var StaffActions = []Action{ActAccept, ActSchedule, ActReschedule, ActReply, ActDone, ActDecline}

// moves is the state machine: from a status, each action leads to a status. submitted → accepted or
// scheduled → done; declined or withdrawn from any open status.
var moves = map[Status]map[Action]Status{
	Submitted: {ActAccept: Accepted, ActSchedule: Scheduled, ActDecline: Declined, ActWithdraw: Withdrawn, ActReply: Submitted},
	Accepted:  {ActSchedule: Scheduled, ActDone: Done, ActDecline: Declined, ActWithdraw: Withdrawn, ActReply: Accepted},
	Scheduled: {ActReschedule: Scheduled, ActDone: Done, ActDecline: Declined, ActWithdraw: Withdrawn, ActReply: Scheduled},
}

// Next is the status after action a from s; ok is false when the move is not allowed (closed requests
// take no moves).
func Next(s Status, a Action) (Status, bool) {
	to, ok := moves[s][a]
	return to, ok
}
