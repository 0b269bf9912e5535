using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Get-MsolGroupMember: a group's members (250 unless -All or -MaxResults).</summary>
    [Cmdlet(VerbsCommon.Get, "MsolGroupMember", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(GroupMember))]
    public class GetGroupMember : MsolCmdlet
    {
        private const string ListSet = "ListGroupMembers__0";
        private const string AllSet = "All__0";

        // Mandatory here, as -RoleObjectId of Get-MsolRoleMember: see docs/semantics.md.
        [ArgumentCompleter(typeof(GroupObjectIdCompleter))]
        [Parameter(Mandatory = true)] public Guid GroupObjectId { get; set; }
        [Parameter] public string[] MemberObjectTypes { get; set; }
        [Parameter] public string SearchString { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public int MaxResults { get; set; }

        [Parameter(ParameterSetName = AllSet, Mandatory = true)]
        public SwitchParameter All { get; set; }

        protected override object Target()
        {
            return GroupObjectId;
        }

        protected override void ProcessOne()
        {
            Stream<GroupMember>(BoundBody(), "group members", All.IsPresent);
        }
    }
}
