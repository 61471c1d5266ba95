package pipeline

import (
	"fmt"
	"hash/maphash"
)

// collector accounts for each mapped row in file order: the "already seen in the file" rules (ids, and
// lawyers' licence numbers), counts and report lines, and the ids of rejected rows (the file still lists
// them, so a snapshot must not withdraw them).
type collector struct {
	rep      *Report
	derived  bool // the ids are derived from name and address: a repeated id is a repeated place
	people   bool // a list of people (derived ids: from name and organisation)
	rows     int
	listed   []string
	ids      map[seenID]int32 // the first line of each id
	licences map[string]int32
	seeds    [2]maphash.Seed
}

// seenID is an id as the collector remembers it, for every row of the file: 128 bits of two independent
// hashes, far less than the id as a string in a map. Two different ids share a key with a chance of about
// n²/2¹²⁹ for n ids: never, in any list.
type seenID [2]uint64

func (r *runner) newCollector() *collector {
	// Sized for the rows a CSV's line count promises (0 for other formats): the map of ids does not grow
	// and copy itself again and again on a large file.
	return &collector{rep: r.rep, derived: r.deriveIDs, people: r.kind.person != nil, ids: make(map[seenID]int32, max(r.lines, 0)), licences: map[string]int32{},
		seeds: [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}}
}

func (c *collector) keyOf(id string) seenID {
	return seenID{maphash.String(c.seeds[0], id), maphash.String(c.seeds[1], id)}
}

// take records a row and says whether it is accepted. licence is a practitioner's licence number ("" for
// places).
func (c *collector) take(line int, id, licence string, ok bool, reject *Issue, warns []Issue) bool {
	c.rows++
	listID := id
	if id != "" {
		k := c.keyOf(id)
		if first, dup := c.ids[k]; dup {
			ok, reject = false, &Issue{Field: "source_id", Reason: fmt.Sprintf("编号 %s 与第 %d 行重复 / id %s already seen on line %d", id, first, id, first)}
			if c.derived && c.people {
				reject = &Issue{Field: "name", Reason: fmt.Sprintf("姓名和所属机构与第 %d 行相同 / same name and organisation as line %d", first, first)}
			} else if c.derived {
				reject = &Issue{Field: "name", Reason: fmt.Sprintf("名称和地址与第 %d 行相同 / same name and address as line %d", first, first)}
			}
			listID = "" // listed already, by its first line
		} else {
			c.ids[k] = int32(line)
		}
	}
	if ok && licence != "" {
		if first, dup := c.licences[licence]; dup {
			ok, reject = false, &Issue{Field: "licence_no", Reason: fmt.Sprintf("执业证号 %s 与第 %d 行重复 / licence number %s already seen on line %d", licence, first, licence, first)}
		} else {
			c.licences[string([]byte(licence))] = int32(line)
		}
	}
	for _, w := range warns {
		w.Line, w.SourceID = line, id
		c.rep.warn(w)
	}
	if !ok {
		is := Issue{Reason: "无法读取 / unreadable"}
		if reject != nil {
			is = *reject
		}
		is.Line = line
		if is.SourceID == "" {
			is.SourceID = id
		}
		c.rep.reject(is)
		if listID != "" {
			c.listed = append(c.listed, listID)
		}
		return false
	}
	return true
}

func sharedReason(line int) string {
	return fmt.Sprintf("与第 %d 行的另一机构坐标相同，请核对 / same point as the unrelated record on line %d: please check", line, line)
}
