/** For holders of admin:token: any user's tokens, and tokens made for other users and for bots. */
package org.sciplat.token.web.admin;
