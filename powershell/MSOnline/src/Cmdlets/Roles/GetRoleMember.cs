using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Get-MsolRoleMember: a role's members (250 unless -All or -MaxResults). A user member's
    /// EmailAddress is its user principal name.</summary>
    [Cmdlet(VerbsCommon.Get, "MsolRoleMember", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(RoleMember))]
    public class GetRoleMember : MsolCmdlet
    {
        private const string ListSet = "ListRoleMembers__0";
        private const string AllSet = "All__0";

        // Mandatory here (MSOnline's help says optional, its metadata a non-nullable Guid): see docs/semantics.md.
        [ArgumentCompleter(typeof(RoleObjectIdCompleter))]
        [Parameter(Mandatory = true)] public Guid RoleObjectId { get; set; }
        [Parameter] public string[] MemberObjectTypes { get; set; }
        [Parameter] public string SearchString { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public int MaxResults { get; set; }

        [Parameter(ParameterSetName = AllSet, Mandatory = true)]
        public SwitchParameter All { get; set; }

        protected override object Target()
        {
            return RoleObjectId;
        }

        protected override void ProcessOne()
        {
            Stream<RoleMember>(BoundBody(), "role members", All.IsPresent);
        }
    }
}
