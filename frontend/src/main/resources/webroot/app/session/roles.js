// What a role may do beyond answering chats, in one place for every screen: the gateway decides
// (operator/Roles.java and each route), and these only choose what to offer.
export const ROLES = ['operator', 'admin', 'coordinator', 'system'];

/** Runs their own library: a library admin, or a system admin in their own library. */
export const isLibraryAdmin = (role) => role === 'admin' || role === 'system';

/** Runs the co-ops their library belongs to. */
export const coordinatesCoops = (role) => role === 'coordinator' || role === 'system';

/** Runs the installation: its libraries and co-ops. */
export const isSystemAdmin = (role) => role === 'system';
