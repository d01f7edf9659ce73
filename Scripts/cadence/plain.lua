-- cadence.plain: the user's words as one line of plain text. A need, a
-- strength, a name or an offer's term goes into a sentence of a letter or
-- a talking point this way, so that none can end a line, start a mail
-- header, move a terminal's cursor or turn the text around it.
--
--   local plain = require "cadence.plain"
--   plain("on-call\r\nBcc: x")   --> "on-call Bcc: x"

-- Bidirectional controls (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F,
-- U+061C): they change how the text around them shows, never what it says.
local BIDI = { "\226\128[\170-\174]", "\226\129[\166-\169]", "\226\128[\142\143]", "\216\156" }
-- Line and paragraph separators (U+2028, U+2029): they end a line as a line feed does.
local SEPARATORS = "\226\128[\168\169]"

-- Terminal escape sequences and bidirectional controls left out; line
-- breaks, tabs and other controls as a space; spaces run together, trimmed.
return function(text)
  text = tostring(text or "")
  -- A terminal's escape sequences go whole ("\27[31m", "\27]0;title\7"), not leaving "[31m" in a word.
  text = text:gsub("\27%[[0-?]*[ -/]*[@-~]", ""):gsub("\27%][^\7\27]*\7", ""):gsub("\27%][^\7\27]*\27\\", "")
  for _, pattern in ipairs(BIDI) do text = text:gsub(pattern, "") end
  text = text:gsub(SEPARATORS, " ")
  text = text:gsub("[%c\127]", " "):gsub("\194[\128-\159]", " ")   -- C0, DEL and C1 controls
  return (text:gsub("%s+", " "):match("^%s*(.-)%s*$"))
end
