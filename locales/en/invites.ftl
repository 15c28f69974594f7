## Invite codes and user management

invite-choose-role = Which role is this code for?
invite-choose-uses = How many people may use it?
invite-choose-days = How long should it stay valid?
invite-days = { $days ->
    [one] 1 day
   *[other] { $days } days
}
invite-created =
    🎟 Invite code: { $code }
    Role: { $role } · up to { $uses } people · valid until { $expires }
    This code is shown only once. Share it in person with the officers it is for.
invites-title = 🎟 Active invite codes
invites-line = { $n }. { $role }: used { $uses }/{ $max }, valid until { $expires }
invites-revoke = Withdraw #{ $n }
invites-none = There are no active invite codes. Use /invite to create one.
invites-revoked = Code withdrawn.

users-title = 👥 Users (by code, never by name). Press a code to change the role.
users-card =
    👤 { $handle }
    Role: { $role }
    Province: { $province }
    Unit type: { $unit }
    Peer supporter: { $supporter ->
        [yes] yes
       *[no] no
    }
users-supporter-on = 🤝 Make peer supporter
users-supporter-off = Remove peer supporter
users-not-self = You can't change your own role.
