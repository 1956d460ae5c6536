package data

import (
	"database/sql/driver"
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"math"
)

// RowSum is the file's row sum (migration 11, data/sqlite's congres_sum)
// of a row's values in the order of its columns: FNV-1a (64 bits) of each
// value with its type, so that NULL, 0, ” and x” differ, and ('ab', 'c')
// differs from ('a', 'bc'). The values are those SQLite hands the function
// (nil, int64, float64, string, []byte), or Go values as a statement binds
// them: a bool is the integer 0 or 1, a named string or integer type its
// text or number, a driver.Valuer its value. The import computes the sums
// of the rows it writes in bulk (import_write_insert.go), which a trigger
// would otherwise compute through the driver, one row at a time.
func RowSum[V any](values []V) (int64, error) {
	h := fnv.New64a()
	var b [9]byte
	for _, x := range values {
		a := any(x)
		switch a.(type) {
		case nil, int64, float64, string, []byte:
		default:
			v, err := driver.DefaultParameterConverter.ConvertValue(a)
			if err != nil {
				return 0, fmt.Errorf("row sum: %w", err)
			}
			a = v
		}
		switch v := a.(type) {
		case nil:
			h.Write([]byte{0})
		case int64:
			b[0] = 1
			binary.LittleEndian.PutUint64(b[1:], uint64(v))
			h.Write(b[:])
		case float64:
			b[0] = 2
			binary.LittleEndian.PutUint64(b[1:], math.Float64bits(v))
			h.Write(b[:])
		case string:
			b[0] = 3
			binary.LittleEndian.PutUint64(b[1:], uint64(len(v)))
			h.Write(b[:])
			h.Write([]byte(v))
		case []byte:
			b[0] = 4
			binary.LittleEndian.PutUint64(b[1:], uint64(len(v)))
			h.Write(b[:])
			h.Write(v)
		case bool: // bound as the integer 0 or 1
			b[0] = 1
			binary.LittleEndian.PutUint64(b[1:], 0)
			if v {
				b[1] = 1
			}
			h.Write(b[:])
		default:
			return 0, fmt.Errorf("row sum: a value of type %T", a)
		}
	}
	return int64(h.Sum64()), nil
}
