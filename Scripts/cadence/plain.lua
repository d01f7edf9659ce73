-- cadence.plain: the user's words as one line of plain text. A need, a
-- strength, a name or an offer's term goes into a sentence of a letter or
-- a talking point this way, so that none can end a line, start a mail
-- header, move a terminal's cursor or turn the text around it. The rule
-- (which scalars are hidden, which sequences go whole) is TerminalText's,
-- asked through the host, so that a letter and the terminal agree on it.
--
--   local plain = require "cadence.plain"
--   plain("on-call\r\nBcc: x")   --> "on-call Bcc: x"
local host = require "cadence.host"

return function(text) return host.plain_line(tostring(text or "")) end
