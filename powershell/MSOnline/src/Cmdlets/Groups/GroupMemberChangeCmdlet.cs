using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>What Add-MsolGroupMember and Remove-MsolGroupMember share: the group, and the
    /// member (a user unless -GroupMemberType Group) by ObjectId. The member's ObjectId binds from a
    /// piped object's GroupMemberObjectId or, through its alias, ObjectId, so that
    /// Get-MsolUser ... | Add-MsolGroupMember -GroupObjectId $g works.</summary>
    public abstract class GroupMemberChangeCmdlet : MsolCmdlet
    {
        [Parameter(Mandatory = true)]
        [ArgumentCompleter(typeof(GroupObjectIdCompleter))]
        public Guid GroupObjectId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)] public GroupMemberType? GroupMemberType { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("ObjectId")]
        public Guid GroupMemberObjectId { get; set; }

        /// <summary>"Add-MsolGroupMember to group" or "Remove-MsolGroupMember from group".</summary>
        protected abstract string ActionText { get; }

        protected override object Target()
        {
            return GroupMemberObjectId;
        }

        protected override void ProcessOne()
        {
            Change(BoundBody(), GroupMemberObjectId.ToString(), ActionText + " " + GroupObjectId);
        }
    }
}
