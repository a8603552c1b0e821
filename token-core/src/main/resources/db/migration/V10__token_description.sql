-- A description per token (README, Token descriptions): one line the owner writes about what uses it, like
-- GitHub's note; optional, so existing tokens get NULL. The history keeps it with each change, and an edit the
-- value it replaced, as it does the name.
ALTER TABLE token ADD COLUMN description VARCHAR(256);
ALTER TABLE token_change_history ADD COLUMN description VARCHAR(256);
ALTER TABLE token_change_history ADD COLUMN old_description VARCHAR(256);
