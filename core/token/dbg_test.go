package token

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestDbg(t *testing.T) {
	b, _ := os.ReadFile(os.Getenv("DBG"))
	st := Tokenize(string(b))
	for _, tk := range st.Tokens {
		if strings.Contains(tk.Text, os.Getenv("DBGW")) {
			fmt.Printf("%d %d %q\n", tk.Line, tk.Kind, tk.Text)
		}
	}
}
